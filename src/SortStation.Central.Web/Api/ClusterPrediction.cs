using SortStation.Central.Recluster;

namespace SortStation.Central.Web.Api;

/// <summary>The clustering study's predict form: an item type's total weight and mean unit price → its cluster, by the fitted model.</summary>
public static class ClusterPrediction
{
    public static PredictResponse? Predict(AnalysisSnapshot snapshot, double weightKg, double unitPrice)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Result is not { } result)
        {
            return null;
        }

        // Feature order of FleetAnalysis: weight_kg, unit_price.
        var prediction = result.Predictor.Predict([weightKg, unitPrice]);
        return new PredictResponse(prediction.ClusterId, prediction.Label, weightKg, unitPrice, snapshot.At);
    }
}
