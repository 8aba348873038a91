using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Pages;

/// <summary>Sign-out is a POST (with the antiforgery token), so no link or image can sign a user out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleClaims.CookieScheme);
        return Redirect("/login");
    }
}
