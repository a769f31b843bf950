using System.Buffers;

namespace ResourceMap.Api.Execution;

/// <summary>
/// Bytes written in chunks of 32 KB that never move: a growing array would copy a 300 KB answer several times, and one
/// that size would sit in the large object heap. Parts of it are read back as sequences over the chunks.
/// </summary>
internal sealed class SegmentedBuffer : IBufferWriter<byte>
{
    private const int ChunkSize = 32 * 1024;
    private readonly List<Chunk> _chunks = [];
    private Chunk? _current;

    /// <summary>Bytes written so far.</summary>
    public long Length => _current is null ? 0 : _current.RunningIndex + _current.Used;

    public void Advance(int count) => _current!.Used += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint).AsMemory(_current!.Used);

    public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint).AsSpan(_current!.Used);

    private byte[] Room(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current is null || _current.Bytes.Length - _current.Used < needed)
        {
            var next = new Chunk(new byte[Math.Max(ChunkSize, needed)], Length);
            _current?.Link(next);
            _chunks.Add(next);
            _current = next;
        }
        return _current.Bytes;
    }

    /// <summary>Ends writing: from now on parts can be read with <see cref="Slice"/>.</summary>
    public void Complete()
    {
        foreach (var chunk in _chunks) chunk.Seal();
    }

    /// <summary>The bytes from <paramref name="start"/> to <paramref name="end"/> (after <see cref="Complete"/>).</summary>
    public ReadOnlySequence<byte> Slice(long start, long end)
    {
        if (end <= start) return ReadOnlySequence<byte>.Empty;
        var first = Last(start, inclusive: true);
        var last = Last(end, inclusive: false);
        return new ReadOnlySequence<byte>(first, (int)(start - first.RunningIndex), last, (int)(end - last.RunningIndex));
    }

    /// <summary>The last chunk starting at or before <paramref name="index"/> (before it, unless <paramref name="inclusive"/>).</summary>
    private Chunk Last(long index, bool inclusive)
    {
        for (var i = _chunks.Count - 1; i > 0; i--)
            if (inclusive ? _chunks[i].RunningIndex <= index : _chunks[i].RunningIndex < index) return _chunks[i];
        return _chunks[0];
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(byte[] bytes, long runningIndex)
        {
            Bytes = bytes;
            RunningIndex = runningIndex;
        }

        public byte[] Bytes { get; }

        public int Used { get; set; }

        /// <summary>Fixes what the chunk holds and links it to the next, for sequences to read.</summary>
        public void Seal() => Memory = Bytes.AsMemory(0, Used);

        public void Link(Chunk next) => Next = next;
    }
}
