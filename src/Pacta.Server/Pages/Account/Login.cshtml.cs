using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Server.Accounts;
using Pacta.Store;

namespace Pacta.Server.Pages.Account;

/// <summary>
/// Sign-in with a name and a password; a cookie follows. Every failure reads the same and costs the same time,
/// whether the name exists or not. The antiforgery token is checked (as on every Razor Pages POST) and attempts are
/// rate-limited (<see cref="AccountsSetup"/>).
/// </summary>
public sealed class LoginModel(IStore store) : PageModel
{
    public const string FailureText = "The user name or the password is wrong.";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Failure { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = store.CheckPassword(Name?.Trim() ?? "", Password ?? "");
        Password = null;
        if (user is null)
        {
            Failure = FailureText;
            return Page();
        }
        await HttpContext.SignInAsync(AccountsSetup.CookieScheme, AccountClaims.Principal(user, AccountsSetup.CookieScheme),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
