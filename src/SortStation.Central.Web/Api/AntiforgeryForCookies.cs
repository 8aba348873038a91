using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Api;

/// <summary>
/// A POST or DELETE to the API made with the session cookie must carry the antiforgery token (header
/// X-CSRF-TOKEN, from <c>GET /api/antiforgery</c>), as every form does; with an API key there is no cookie to
/// abuse, so none is needed.
/// </summary>
internal sealed class AntiforgeryForCookies(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && ConsoleClaims.ByCookie(http.User))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return ApiResults.Invalid("X-CSRF-TOKEN", "a request signed in with the session cookie needs the antiforgery token (GET /api/antiforgery)");
            }
        }

        return await next(context);
    }
}
