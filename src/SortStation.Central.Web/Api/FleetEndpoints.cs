using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SortStation.Central.Recluster;
using SortStation.Central.Reports;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Api;

/// <summary><c>/api/stations</c>, <c>/api/clusters</c>, <c>POST /api/clusters/predict</c> and <c>POST /api/clusters/run</c> (admin).</summary>
internal static class FleetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/stations", async (StationOverview stations, CancellationToken ct) => Results.Ok(await stations.ListAsync(ct)));

        api.MapGet("/clusters", async (LatestAnalysis latest, CancellationToken ct) => Clusters(await latest.GetAsync(ct)));

        api.MapPost("/clusters/predict", async (PredictRequest? body, LatestAnalysis latest, CancellationToken ct) =>
        {
            if (body?.WeightKg is not { } weight || !double.IsFinite(weight) || weight < 0)
            {
                return ApiResults.Invalid("weightKg", "a number of kilograms, 0 or more");
            }

            if (body.UnitPrice is not { } price || !double.IsFinite(price) || price < 0)
            {
                return ApiResults.Invalid("unitPrice", "a price per kilogram, 0 or more");
            }

            var snapshot = await latest.GetAsync(ct);
            return ClusterPrediction.Predict(snapshot, weight, price) is { } prediction
                ? Results.Ok(prediction)
                : Results.Problem("There is no clustering yet (too few item types with weighings).", statusCode: StatusCodes.Status409Conflict);
        });

        api.MapPost("/clusters/run", async (HttpContext context, ReclusterRunner runner, LatestAnalysis latest, CancellationToken ct) =>
        {
            await runner.RunOnceAsync($"run by {context.User.Identity?.Name}", ct);
            return Clusters(latest.Current!);
        }).RequireAuthorization(ConsolePolicies.Admin);
    }

    private static IResult Clusters(AnalysisSnapshot snapshot) =>
        Results.Json(new ClustersView(snapshot.At, snapshot.Trigger, snapshot.Groups, snapshot.Result), AnalysisJson.Options);
}
