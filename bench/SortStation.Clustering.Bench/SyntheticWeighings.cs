namespace SortStation.Clustering.Bench;

/// <summary>Seeded three-blob weighing data (kg, IDR/kg): light/cheap bulk, pricey metals, heavy cardboard.</summary>
internal static class SyntheticWeighings
{
    private static readonly (double Share, double W, double SdW, double P, double SdP)[] Groups =
    [
        (0.85, 10, 6, 2500, 900),
        (0.03, 0.5, 0.4, 60000, 20000),
        (0.12, 150, 40, 1500, 400),
    ];

    public static double[] Create(int n, int seed)
    {
        // Benchmark data, not security relevant.
#pragma warning disable CA5394
        var rng = new Random(seed);
        var x = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            var u = rng.NextDouble();
            var g = u < Groups[0].Share ? Groups[0] : u < Groups[0].Share + Groups[1].Share ? Groups[1] : Groups[2];
            x[2 * i] = Math.Abs(g.W + (g.SdW * Gaussian(rng)));
            x[(2 * i) + 1] = Math.Abs(g.P + (g.SdP * Gaussian(rng)));
        }

        return x;

        static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
#pragma warning restore CA5394
    }
}
