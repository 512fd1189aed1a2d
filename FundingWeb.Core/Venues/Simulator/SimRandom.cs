namespace FundingWeb.Core.Venues.Simulator;

/// <summary>A seeded generator with the draws the world needs; one per world so the order of draws fixes the path.</summary>
public sealed class SimRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();

    public double Normal()
    {
        // Box-Muller; 1 - U keeps the logarithm finite.
        var u1 = 1d - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2d * Math.Log(u1)) * Math.Cos(2d * Math.PI * u2);
    }

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public static int Derive(int seed, string key)
    {
        // FNV-1a: string.GetHashCode is randomised per process, which would break determinism.
        unchecked
        {
            var hash = 2166136261u ^ (uint)seed;
            foreach (var c in key) hash = (hash ^ c) * 16777619u;
            return (int)hash;
        }
    }
}
