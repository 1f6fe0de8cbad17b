using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Json;
using Pacta.Server.Api;
using Pacta.Server.Pages.Records;
using Pacta.Store;

namespace Pacta.Server.Pages.Drafts;

/// <summary>
/// One draft: what it proposes, the JSON paths it changes in the published record, and the decisions open to the one
/// reading it: Publish and Reject for a reviewer or admin who is not its author, Withdraw for its author. Only its author,
/// reviewers and admins see it; to anyone else it does not exist (404), as in the API.
/// </summary>
[Authorize(Policy = "contributor")]
public sealed class DraftModel(IStore store) : PageModel
{
    public Draft Draft { get; private set; } = null!;

    /// <summary>Whether a draft was loaded (a handler that loads it first, as Reject does, need not load it again).</summary>
    private bool loaded;

    public WritableKind Kind => WritableKind.Of(Draft.Record);

    /// <summary>The record as published now; null for a new one.</summary>
    public VersionedRecord? Published { get; private set; }

    public IReadOnlyList<JsonChange> Changes { get; private set; } = [];

    /// <summary>Just saved by its author (the edit page sends them here).</summary>
    public bool Saved { get; private set; }

    public string? Summary { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool Stale => Draft.Pending && (Published?.Version ?? 0) != Draft.BaseVersion;

    public bool MayDecide => Draft.Pending && DraftsApi.MayReview(User) && !Draft.IsBy(User.Identity?.Name);

    public bool MayWithdraw => Draft.Pending && Draft.IsBy(User.Identity?.Name);

    public string RecordText => Shapes.Write(Shapes.Record(Draft.Record));

    public IActionResult OnGet(long number, bool saved = false)
    {
        if (Load(number) is { } missing) return missing;
        Saved = saved && Draft.IsBy(User.Identity?.Name);
        return Page();
    }

    public IActionResult OnPostPublish(long number) => Decide(number, user => store.PublishDraft(number, user, EditModel.Command),
        published => Redirect(EditModel.PageOf(published.Record.Record)));

    public IActionResult OnPostReject(long number)
    {
        if (Load(number) is { } missing) return missing;
        if (string.IsNullOrWhiteSpace(Reason)) return Refuse(StatusCodes.Status422UnprocessableEntity, "A rejection needs a reason, for the draft's author.");
        return Decide(number, user => store.RejectDraft(number, user, Reason), _ => Redirect(Here(number)));
    }

    public IActionResult OnPostWithdraw(long number) => Decide(number, user => store.WithdrawDraft(number, user), _ => Redirect(Here(number)));

    public static string When(DateTimeOffset at) => EditModel.When(at);

    /// <summary>A value of the diff as the table shows it: long ones cut short (the record below shows them whole).</summary>
    public static string Value(string? json) => json is null ? "(none)" : json.Length <= 200 ? json : json[..199] + "…";

    private static string Here(long number) => $"/drafts/{number.ToString(CultureInfo.InvariantCulture)}";

    private IActionResult Decide<T>(long number, Func<string, T> decide, Func<T, IActionResult> then)
    {
        if (!loaded && Load(number) is { } missing) return missing;
        try
        {
            return then(decide(RecordWrites.UserName(User)));
        }
        catch (DraftException e)
        {
            return Refuse(e.Refusal switch
            {
                DraftRefusal.NotFound => StatusCodes.Status404NotFound,
                DraftRefusal.Decided => StatusCodes.Status409Conflict,
                DraftRefusal.OwnDraft or DraftRefusal.NotAuthor => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status422UnprocessableEntity,
            }, Sentence(e.Message));
        }
        catch (VersionConflictException e)
        {
            return Refuse(StatusCodes.Status412PreconditionFailed,
                $"This draft is stale: it was made from version {Draft.BaseVersion}, but {e.Message}. Its author can make a new draft from the record as it is now.");
        }
        catch (StoreException e)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "The record no longer fits the store: " + string.Join("; ", e.Problems) + ". Nothing was written.");
        }
    }

    private IActionResult Refuse(int status, string summary)
    {
        // The draft as it stands after the refusal (nothing changed, or someone else decided it meanwhile).
        Load(Draft.Number);
        Summary = summary;
        Response.StatusCode = status;
        return Page();
    }

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + ".";

    private IActionResult? Load(long number)
    {
        if (store.FindDraft(number) is not { } draft || !DraftsApi.MaySee(User, draft)) return NotFound();
        Draft = draft;
        loaded = true;
        Published = store.FindVersioned(draft.RecordId);
        Changes = DraftsApi.Diff(Published?.Record, draft);
        return null;
    }
}
