using Microsoft.AspNetCore.Http;

namespace SortStation.Central.Web.Api;

/// <summary>The API's error shape: RFC 9457 problem details, the parameters named.</summary>
internal static class ApiResults
{
    public static IResult Invalid(QueryErrors errors) => Results.ValidationProblem(errors.ByParameter, title: "The request's parameters are not valid.");

    public static IResult Invalid(string parameter, string problem)
    {
        var errors = new QueryErrors();
        errors.Add(parameter, problem);
        return Invalid(errors);
    }
}
