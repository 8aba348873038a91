namespace SortStation.Central.Web.Api;

/// <summary>Problems with a request's query string, by parameter (answered as a 400 validation problem).</summary>
public sealed class QueryErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IDictionary<string, string[]> ByParameter => _errors;

    public void Add(string parameter, string problem) => _errors[parameter] = [problem];
}
