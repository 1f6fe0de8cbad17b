using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pacta.Server.Pages;

/// <summary>
/// What a person sees when a page fails (the API answers with problem details instead). A failed form post (a missing
/// antiforgery token) comes here as a post too: this page answers it without asking for a token of its own.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnPost(int code)
    {
        OnGet(code);
        if (code == 400)
            Explanation = "The form was not accepted: it came without its security token, from another site or from a page kept open too long. Load the page again and retry.";
    }

    public void OnGet(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "Nothing here has that address: the record may have another id, or the link is wrong."),
            400 => ("Bad request", "The address asks for something the page cannot show; check its parameters."),
            405 => ("Not allowed", "Pages here are read-only."),
            403 => ("Not allowed", "Your role does not allow this; an admin can give you another (pacta user role)."),
            _ => ($"Error {code}", "The page could not be shown."),
        };
    }
}
