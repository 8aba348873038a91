using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SortStation.Central.Web.Pages;

/// <summary>An unexpected error: no details on the page (they are in the log, under the request id).</summary>
public sealed class ErrorModel : PageModel
{
    public string RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;
}
