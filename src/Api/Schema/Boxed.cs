namespace ResourceMap.Api.Schema;

/// <summary>
/// Boxes made once: resolvers return objects, and a map query returns the same few small numbers and enum values
/// thousands of times (a tie's strength and type, a resource's kind), each of which would otherwise be a new box.
/// </summary>
public static class Boxed
{
    private static readonly object[] SmallInts = Enumerable.Range(0, 128).Select(i => (object)i).ToArray();

    public static object Int(int value) => (uint)value < SmallInts.Length ? SmallInts[value] : value;

    public static object Enum<T>(T value) where T : struct, System.Enum => Boxes<T>.Of.TryGetValue(value, out var box) ? box : value;

    private static class Boxes<T> where T : struct, System.Enum
    {
        public static readonly Dictionary<T, object> Of = System.Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => (object)v);
    }
}
