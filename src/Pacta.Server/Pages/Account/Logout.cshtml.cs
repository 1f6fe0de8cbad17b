using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Server.Accounts;

namespace Pacta.Server.Pages.Account;

/// <summary>Sign-out: a POST with an antiforgery token (the header's button), so another site cannot sign anyone out.</summary>
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AccountsSetup.CookieScheme);
        return LocalRedirect("/");
    }
}
