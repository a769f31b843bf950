using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ResourceMap.Graph.Centrality;

public static partial class Betweenness
{
    /// <summary>
    /// Brandes' searches over whole-number lengths, sixteen at once, one per lane of a vector. Dial's bucket queue
    /// (R. B. Dial, CACM 12(11), 1969) is widened to bands of W distance units, W the shortest length, as in Δ-stepping
    /// with Δ = W (U. Meyer and P. Sanders, J. Algorithms 49(1), 2003): every tie is at least W long, so no vertex in a
    /// band is reached through another of the same band, and a band is settled at once, in every lane. A vertex is
    /// visited once per distinct band among its lanes' distances. A band's vertices are found by reading every vertex's
    /// distances when the bound on the searches' distances spans at most <see cref="MaxScannedBands"/> bands (a few
    /// instructions a vertex and band: at most 64 reads of each vertex per sixteen sources, O(n) a source as Brandes'
    /// O(m) is); otherwise a vertex waits in a ring of queues at the band of its nearest lane not yet settled, and those a
    /// band's visits brought nearer are queued once the band is read, each once. A visit notes the in-neighbours one tie
    /// nearer in its lanes (its predecessors, with those lanes) and relaxes its out-ties with one vector compare each: on
    /// an undirected graph the same ties, in the same pass, without branches. Path counts σ are then
    /// summed over the noted predecessors in the order of the visits, and dependencies δ passed back along them in the
    /// reverse order (Brandes 2001, Theorem 6), in two vectors of eight lanes: both read a predecessor's values only, not
    /// every neighbour's. Distances are exact integers, so "equally short" needs no tolerance; kept in two bytes, sixteen
    /// lanes' distances take the 32 bytes eight took in four, so a visit serves more searches for the same reads.
    /// O(m) vector steps per band a vertex is visited in (at most the distinct distances Dial's queue would settle), and
    /// O(n) per band when the bands are read by scanning; O(n + m) memory.
    /// </summary>
    private sealed class BandWorker
    {
        /// <summary>Searches run together, one per lane.</summary>
        public const int Lanes = 16;

        /// <summary>
        /// The distance of a lane not reached: beyond every distance searched (<see cref="MaxBandDistance"/>) and any tie
        /// from one, while a tie added to it stays within two bytes.
        /// </summary>
        private const int Unreached = ushort.MaxValue - MaxWholeLength;

        /// <summary>The band of a vertex not waiting in any.</summary>
        private const int NotQueued = int.MaxValue;

        /// <summary>Lane j's bit, in lane j.</summary>
        private static readonly Vector256<ushort> LaneBits = Vector256.Create([.. Enumerable.Range(0, Lanes).Select(j => (ushort)(1 << j))]);

        /// <summary>The mask of the distances' lanes whose bits are set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<ushort> DistanceMask(ushort lanes) => Vector256.Equals(Vector256.Create(lanes) & LaneBits, LaneBits);

        /// <summary>The vertices waiting in one band of the ring.</summary>
        private struct Band
        {
            public int[] Items;
            public int Count;
        }

        private readonly CompactGraph _graph;
        private readonly bool _undirected;
        private readonly ushort[] _lengths;
        private readonly int[] _inTies;
        private readonly int _width;
        private readonly ulong _reciprocal;
        private readonly int _ring;
        private readonly Band[] _bands;
        private readonly Vector256<ushort>[] _distance;
        // A vertex's σ and pull are two vectors each, at 2v (lanes 0–7) and 2v + 1 (lanes 8–15).
        private readonly Vector512<double>[] _sigma;
        private readonly Vector512<double>[] _pull;
        private readonly int[] _queuedAt;
        private readonly int[] _reached;
        // The vertices the band being read brought nearer or visited, to queue once it is read (one slot more: Touch
        // writes before it knows whether v is listed), and the band pass in which each was last listed.
        private readonly int[] _touched;
        private readonly int[] _touchedIn;
        private int _touchPass;
        // Whether each band's vertices are found by reading every vertex's distances (ScanBands), not from the ring.
        private readonly bool _scanned;
        private readonly int[] _bandVertex;
        private readonly ushort[] _bandLanes;
        private int[] _visitVertex;
        private ushort[] _visitLanes;
        private int[] _visitLinks;
        private int _visits;
        private int[] _linkVertex;
        private ushort[] _linkLanes;
        private int _links;

        /// <summary>Sum over the sources handled so far of each vertex's dependency δ_s(v).</summary>
        public readonly double[] Dependency;

        /// <summary>How many actors each vertex stands for; null for one each.</summary>
        public double[]? VertexWeight { get; init; }

        public BandWorker(CompactGraph graph, BandLengths lengths)
        {
            var n = graph.VertexCount;
            _graph = graph;
            _undirected = !graph.Directed;
            (_lengths, _inTies) = (lengths.Out, lengths.InTies);
            _width = lengths.Shortest;
            _scanned = lengths.Scanned;
            _reciprocal = _width == 1 ? 0 : ulong.MaxValue / (ulong)_width + 1;
            // A visit queues vertices at most 1 + (C − 1) / W bands ahead; one more slot keeps them apart from the band read.
            _bands = _scanned ? [] : new Band[BitOperations.RoundUpToPowerOf2((uint)(2 + (lengths.Largest - 1) / _width))];
            for (var b = 0; b < _bands.Length; b++) _bands[b].Items = new int[16];
            _ring = _bands.Length - 1;
            _distance = new Vector256<ushort>[n];
            Array.Fill(_distance, Vector256.Create((ushort)Unreached));
            _sigma = new Vector512<double>[2 * n];
            _pull = new Vector512<double>[2 * n];
            _queuedAt = _scanned ? [] : new int[n];
            Array.Fill(_queuedAt, NotQueued);
            // Written by the relaxation of out-ties, Sweep's on an undirected graph (in-ties are out-ties) and Relax's
            // otherwise, for the queue: a scan finds the next band's vertices without them.
            _reached = new int[Enumerable.Range(0, n).Select(graph.OutDegree).DefaultIfEmpty().Max()];
            _touched = _scanned ? [] : new int[n + 1];
            _touchedIn = _scanned ? [] : new int[n];
            _bandVertex = _scanned ? new int[n] : [];
            _bandLanes = _scanned ? new ushort[n] : [];
            _visitVertex = new int[n + Lanes];
            _visitLanes = new ushort[n + Lanes];
            _visitLinks = new int[n + Lanes];
            _linkVertex = new int[4 * n + 16];
            _linkLanes = new ushort[4 * n + 16];
            Dependency = new double[n];
        }

        /// <summary>
        /// Every vertex once, in groups of <see cref="Lanes"/> that lie near one another: searches from nearby sources reach
        /// a vertex at nearly the same distance (on an undirected graph |d(s, v) − d(s', v)| ≤ d(s, s')), so its lanes
        /// share bands and it is visited fewer times. A group is a vertex not yet grouped and the others a best-first
        /// search from it meets first (each keeping the distance at which it was first found, which is enough for
        /// grouping), at most <see cref="Lanes"/>² of them, filled up, if that finds too few, with the next vertices not
        /// yet grouped.
        /// </summary>
        public static int[] NearbyGroups(CompactGraph graph, ushort[] lengths)
        {
            var n = graph.VertexCount;
            var order = new int[n];
            var grouped = new bool[n];
            var searchedFrom = new int[n];
            Array.Fill(searchedFrom, -1);
            var nearest = new PriorityQueue<int, int>();
            var count = 0;
            var next = 0;
            for (var seed = 0; seed < n; seed++)
            {
                if (grouped[seed]) continue;
                var end = Math.Min(n, count + Lanes);
                nearest.Clear();
                nearest.Enqueue(seed, 0);
                searchedFrom[seed] = seed;
                for (var popped = 0; count < end && popped < Lanes * Lanes && nearest.TryDequeue(out var v, out var d); popped++)
                {
                    if (!grouped[v])
                    {
                        grouped[v] = true;
                        order[count++] = v;
                    }
                    for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
                    {
                        var w = graph.Targets[k];
                        if (searchedFrom[w] == seed) continue;
                        searchedFrom[w] = seed;
                        nearest.Enqueue(w, d + lengths[k]);
                    }
                }
                for (; count < end; next++)
                {
                    if (grouped[next]) continue;
                    grouped[next] = true;
                    order[count++] = next;
                }
            }
            return order;
        }

        /// <summary>Adds the dependencies of up to <see cref="Lanes"/> distinct sources.</summary>
        // This and the search's other loops are compiled optimized at once: most run once per sixteen sources, too few
        // calls for the runtime's tiers to reach optimized code before the first analysis in a process is well under
        // way (it took 10–25 % longer on families' graph).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AccumulateFrom(ReadOnlySpan<int> sources)
        {
            Settle(sources);
            CountPaths(sources.Length);
            AddDependencies(sources);
            for (var i = 0; i < _visits; i++)
            {
                var v = _visitVertex[i];
                _distance[v] = Vector256.Create((ushort)Unreached);
                _sigma[2 * v] = Vector512<double>.Zero;
                _sigma[2 * v + 1] = Vector512<double>.Zero;
                _pull[2 * v] = Vector512<double>.Zero;
                _pull[2 * v + 1] = Vector512<double>.Zero;
            }
            // _queuedAt needs no reset: the search ends when the ring is read out, and every live entry read marks its
            // vertex NotQueued.
        }

        /// <summary>The band a distance falls in: distance / W by a multiplication (D. Lemire et al., "Faster remainder by direct computation", 2019).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int BandOf(int distance) => _width == 1 ? distance : (int)Math.BigMul((ulong)distance, _reciprocal, out _);

        /// <summary>
        /// Queues v at the band of its nearest distance at or beyond <paramref name="beyond"/> (the next band's start: any
        /// lane nearer is settled, or waits in the band being read, where v is queued already), unless v waits there or
        /// nearer already; true if it queued it.
        /// </summary>
        private bool QueueNext(int v, int beyond)
        {
            var band = BandAtOrBeyond(_distance[v], beyond);
            if (band < 0 || band >= _queuedAt[v]) return false;
            ref var waiting = ref _bands[band & _ring];
            if (waiting.Count == waiting.Items.Length) Array.Resize(ref waiting.Items, 2 * waiting.Count);
            waiting.Items[waiting.Count++] = v;
            _queuedAt[v] = band;
            return true;
        }

        /// <summary>The band of the nearest of the distances at or beyond <paramref name="beyond"/>; −1 when none is.</summary>
        private int BandAtOrBeyond(Vector256<ushort> distances, int beyond)
        {
            // Lanes nearer than beyond wrap around to large unsigned numbers, and unreached lanes are larger than any distance.
            int nearest = Least(distances - Vector256.Create((ushort)beyond));
            return nearest >= Unreached - beyond ? -1 : BandOf(nearest + beyond);
        }

        /// <summary>The least of sixteen lanes.</summary>
        private static ushort Least(Vector256<ushort> lanes)
        {
            var half = Vector128.Min(lanes.GetLower(), lanes.GetUpper());
            if (Sse41.IsSupported) return Sse41.MinHorizontal(half).ToScalar();
            var least = half[0];
            for (var j = 1; j < Vector128<ushort>.Count; j++) least = Math.Min(least, half[j]);
            return least;
        }

        /// <summary>Settles every search band by band, noting each visit and the predecessors it found.</summary>
        private void Settle(ReadOnlySpan<int> sources)
        {
            _visits = 0;
            _links = 0;
            // The sources are the first visits, each with its own lane alone: band 0 holds nothing else, as every tie is
            // at least W long. CountPaths and AddDependencies skip them by that.
            for (var j = 0; j < sources.Length; j++)
            {
                var s = sources[j];
                _distance[s] = _distance[s].WithElement(j, (ushort)0);
                _sigma[2 * s + j / 8] = _sigma[2 * s + j / 8].WithElement(j % 8, 1.0);
            }
            if (_scanned) ScanBands();
            else QueueBands(sources);
        }

        /// <summary>
        /// Reads the bands in order, finding each one's vertices by reading every vertex's distances: a vertex is visited
        /// in the lanes whose distances fall in the band. While the bands are few this costs far less than a queue, as
        /// reading a vertex's distances takes a few instructions and queueing a vertex at each band it is met in, tens.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ScanBands()
        {
            var n = _graph.VertexCount;
            var width = Vector256.Create((ushort)_width);
            ref var distance = ref MemoryMarshal.GetArrayDataReference(_distance);
            ref var bandVertex = ref MemoryMarshal.GetArrayDataReference(_bandVertex);
            ref var bandLanes = ref MemoryMarshal.GetArrayDataReference(_bandLanes);
            for (var band = 0; band >= 0; band = NextBand((band + 1) * _width))
            {
                var low = Vector256.Create((ushort)(band * _width));
                // Every vertex is written and only those with lanes in the band kept: a branch here would guess wrong often.
                nint found = 0;
                for (nint v = 0; v < n; v++)
                {
                    var lanes = Vector256.LessThan(Unsafe.Add(ref distance, v) - low, width).ExtractMostSignificantBits();
                    Unsafe.Add(ref bandVertex, found) = (int)v;
                    Unsafe.Add(ref bandLanes, found) = (ushort)lanes;
                    found += (nint)((0 - lanes) >> 31); // one when any lane is in the band
                }
                // The visits bring no lane into this band, as every tie is at least W long.
                for (var i = 0; i < found; i++) Visit(_bandVertex[i], _bandLanes[i]);
            }
        }

        /// <summary>The band of the nearest distance at or beyond <paramref name="beyond"/> in any lane of any vertex; −1 when there is none, as every search has ended.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int NextBand(int beyond)
        {
            // Each lane's nearest distance at or beyond, over every vertex: compared as the unsigned distance past beyond.
            var offset = Vector256.Create((ushort)beyond);
            var least = Vector256<ushort>.AllBitsSet;
            foreach (var distances in _distance) least = Vector256.Min(least, distances - offset);
            return BandAtOrBeyond(least + offset, beyond);
        }

        /// <summary>Reads the bands in order from a ring of queues: a vertex waits in the band of its nearest lane not yet settled.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void QueueBands(ReadOnlySpan<int> sources)
        {
            var waiting = 0; // entries in the ring, stale ones too
            foreach (var s in sources)
                if (QueueNext(s, 0)) waiting++;
            var width = Vector256.Create((ushort)_width);
            for (var band = 0; waiting > 0; band++)
            {
                ref var current = ref _bands[band & _ring];
                var items = current.Items;
                waiting -= current.Count;
                var low = Vector256.Create((ushort)(band * _width));
                var next = (band + 1) * _width;
                if (++_touchPass == int.MaxValue)
                {
                    Array.Clear(_touchedIn);
                    _touchPass = 1;
                }
                var touched = 0;
                for (var i = 0; i < current.Count; i++)
                {
                    var v = items[i];
                    // A stale entry: v was queued nearer since (and visited there), or this is the second entry of v in this
                    // band, v having been visited nearer and queued here again, and the first has been visited.
                    if (_queuedAt[v] != band) continue;
                    _queuedAt[v] = NotQueued;
                    // The live entry of v: its nearest open lanes are in this band (queued when the first of them came
                    // here, and any lane coming nearer since would have queued it nearer), and none is settled yet.
                    var lanes = (ushort)Vector256.LessThan(_distance[v] - low, width).ExtractMostSignificantBits();
                    var reached = Visit(v, lanes);
                    for (var r = 0; r < reached; r++) touched = Touch(_reached[r], touched);
                    touched = Touch(v, touched);
                }
                current.Count = 0;
                for (var t = 0; t < touched; t++)
                    if (QueueNext(_touched[t], next)) waiting++;
            }
        }

        /// <summary>Lists v among the vertices to queue again once the band is read, unless it is listed already.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Touch(int v, int touched)
        {
            _touched[touched] = v;
            var listed = _touchedIn[v] == _touchPass;
            _touchedIn[v] = _touchPass;
            return touched + (listed ? 0 : 1);
        }

        /// <summary>
        /// Notes a visit and settles its lanes: the predecessors noted, the ties from v relaxed. For the queue, returns how
        /// many neighbours came nearer (listed in <see cref="_reached"/>); a scan reads none of it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Visit(int v, ushort lanes)
        {
            if (_visits == _visitVertex.Length)
            {
                Array.Resize(ref _visitVertex, 2 * _visits);
                Array.Resize(ref _visitLanes, 2 * _visits);
                Array.Resize(ref _visitLinks, 2 * _visits);
            }
            _visitVertex[_visits] = v;
            _visitLanes[_visits] = lanes;
            _visitLinks[_visits++] = _links;
            var incoming = _graph.Reverse;
            int from = incoming.Offsets[v], to = incoming.Offsets[v + 1];
            if (_links + to - from > _linkVertex.Length)
            {
                Array.Resize(ref _linkVertex, Math.Max(2 * _linkVertex.Length, _links + to - from));
                Array.Resize(ref _linkLanes, _linkVertex.Length);
            }
            var reached = Sweep(v, DistanceMask(lanes), from, to);
            return _undirected ? reached : Relax(v, DistanceMask(lanes));
        }

        /// <summary>
        /// One pass over v's in-ties: u precedes v in the lanes where it is one tie nearer, and on an undirected graph the
        /// same tie, read from v, is relaxed. Without branches on what is read: a wrong guess after a read that missed the
        /// cache would stall the reads behind it, while writing an entry that is not kept costs one store. A method of its own, as
        /// the visit around it calls out (to grow arrays) and a call would push these vectors out of their registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private int Sweep(int v, Vector256<ushort> mask, int from, int to)
        {
            ref var ties = ref MemoryMarshal.GetArrayDataReference(_inTies);
            ref var distance = ref MemoryMarshal.GetArrayDataReference(_distance);
            ref var linkVertex = ref MemoryMarshal.GetArrayDataReference(_linkVertex);
            ref var linkLanes = ref MemoryMarshal.GetArrayDataReference(_linkLanes);
            ref var reachedVertex = ref MemoryMarshal.GetArrayDataReference(_reached);
            var relax = _undirected;
            var listReached = !_scanned;
            var dv = Unsafe.Add(ref distance, v);
            var candidate = Vector256.ConditionalSelect(mask, dv, Vector256.Create((ushort)Unreached));
            // Native-size indices and counts: the loop is bound by its instructions, and int ones cost a sign extension each.
            nint links = _links;
            nint reached = 0;
            for (var k = (nint)from; k < to; k++)
            {
                var tie = (uint)Unsafe.Add(ref ties, k);
                var u = (nint)(tie >> TieLengthBits);
                var length = Vector256.Create((ushort)(tie & (1 << TieLengthBits) - 1));
                ref var du = ref Unsafe.Add(ref distance, u);
                var before = du;
                var precedingLanes = (uint)(Vector256.Equals(before + length, dv) & mask).ExtractMostSignificantBits();
                Unsafe.Add(ref linkVertex, links) = (int)u;
                Unsafe.Add(ref linkLanes, links) = (ushort)precedingLanes;
                links += (nint)((0 - precedingLanes) >> 31); // one when any lane precedes
                if (!relax) continue;
                var through = candidate + length;
                du = Vector256.Min(through, before);
                if (!listReached) continue;
                Unsafe.Add(ref reachedVertex, reached) = (int)u;
                reached += Vector256.LessThanAny(through, before) ? 1 : 0;
            }
            _links = (int)links;
            return (int)reached;
        }

        /// <summary>On a directed graph, lowers the distances of v's out-neighbours where a tie from v is shorter; returns how many came nearer.</summary>
        private int Relax(int v, Vector256<ushort> mask)
        {
            var candidate = Vector256.ConditionalSelect(mask, _distance[v], Vector256.Create((ushort)Unreached));
            var reached = 0;
            for (var k = _graph.Offsets[v]; k < _graph.Offsets[v + 1]; k++)
            {
                ref var dx = ref _distance[_graph.Targets[k]];
                var through = candidate + Vector256.Create(_lengths[k]);
                if (!Vector256.LessThanAny(through, dx)) continue;
                dx = Vector256.Min(through, dx);
                _reached[reached++] = _graph.Targets[k];
            }
            return reached;
        }

        /// <summary>σ(v) = Σ σ(u) over the predecessors noted, lane by lane, in the order of the visits: a predecessor's visit came first.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CountPaths(int sources)
        {
            ref var sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
            ref var linkVertex = ref MemoryMarshal.GetArrayDataReference(_linkVertex);
            ref var linkLanes = ref MemoryMarshal.GetArrayDataReference(_linkLanes);
            ref var laneMasks = ref MemoryMarshal.GetArrayDataReference(LaneMasks);
            for (var i = sources; i < _visits; i++)
            {
                var end = i + 1 < _visits ? _visitLinks[i + 1] : _links;
                Vector512<double> a = Vector512<double>.Zero, b = Vector512<double>.Zero;
                for (var link = _visitLinks[i]; link < end; link++)
                {
                    var u = 2 * Unsafe.Add(ref linkVertex, link);
                    var lanes = Unsafe.Add(ref linkLanes, link);
                    a += Unsafe.Add(ref sigma, u) & Unsafe.Add(ref laneMasks, lanes & 0xFF);
                    b += Unsafe.Add(ref sigma, u + 1) & Unsafe.Add(ref laneMasks, lanes >> 8);
                }
                var v = 2 * _visitVertex[i];
                var visitLanes = _visitLanes[i];
                ref var low = ref Unsafe.Add(ref sigma, v);
                low = Vector512.ConditionalSelect(Unsafe.Add(ref laneMasks, visitLanes & 0xFF), a, low);
                ref var high = ref Unsafe.Add(ref sigma, v + 1);
                high = Vector512.ConditionalSelect(Unsafe.Add(ref laneMasks, visitLanes >> 8), b, high);
            }
        }

        /// <summary>
        /// δ(v) = σ(v) Σ (w(t) + δ(t)) / σ(t) over successors t (Brandes 2001, Theorem 6), latest visit first: every
        /// successor lies at least one band farther, so its visit came later and has passed its share back already. A
        /// visit passes (w(v) + δ(v)) / σ(v) to the predecessors it noted, in their lanes. A source's own lane (the first
        /// visits) adds nothing.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AddDependencies(ReadOnlySpan<int> sources)
        {
            var lowWeights = SourceWeights(VertexWeight, sources[..Math.Min(8, sources.Length)]);
            var highWeights = SourceWeights(VertexWeight, sources[Math.Min(8, sources.Length)..]);
            ref var sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
            ref var pull = ref MemoryMarshal.GetArrayDataReference(_pull);
            ref var linkVertex = ref MemoryMarshal.GetArrayDataReference(_linkVertex);
            ref var linkLanes = ref MemoryMarshal.GetArrayDataReference(_linkLanes);
            ref var laneMasks = ref MemoryMarshal.GetArrayDataReference(LaneMasks);
            var link = _links;
            for (var i = _visits - 1; i >= sources.Length; i--)
            {
                var v = _visitVertex[i];
                var visitLanes = _visitLanes[i];
                var lowLanes = Unsafe.Add(ref laneMasks, visitLanes & 0xFF);
                var highLanes = Unsafe.Add(ref laneMasks, visitLanes >> 8);
                var sigmaLow = Unsafe.Add(ref sigma, 2 * v);
                var sigmaHigh = Unsafe.Add(ref sigma, 2 * v + 1);
                var deltaLow = sigmaLow * Unsafe.Add(ref pull, 2 * v);
                var deltaHigh = sigmaHigh * Unsafe.Add(ref pull, 2 * v + 1);
                Dependency[v] += Vector512.Sum((deltaLow * lowWeights & lowLanes) + (deltaHigh * highWeights & highLanes));
                var weight = Vector512.Create(WeightOf(VertexWeight, v));
                var shareLow = (weight + deltaLow) / sigmaLow;
                var shareHigh = (weight + deltaHigh) / sigmaHigh;
                for (var first = _visitLinks[i]; link > first;)
                {
                    link--;
                    var u = 2 * Unsafe.Add(ref linkVertex, link);
                    var lanes = Unsafe.Add(ref linkLanes, link);
                    Unsafe.Add(ref pull, u) += shareLow & Unsafe.Add(ref laneMasks, lanes & 0xFF);
                    Unsafe.Add(ref pull, u + 1) += shareHigh & Unsafe.Add(ref laneMasks, lanes >> 8);
                }
            }
        }
    }
}
