using Pacta.Model;

namespace Pacta.Server.Pages.Shared;

/// <summary>The model of the _Claim partial.</summary>
public sealed record ClaimCard(Claim Claim, RecordNames Names);
