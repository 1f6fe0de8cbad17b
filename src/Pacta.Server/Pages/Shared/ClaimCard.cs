using Pacta.Model;

namespace Pacta.Server.Pages.Shared;

/// <summary>The model of the _Claim partial; <paramref name="Updates"/>, when given, is how many times the claim was changed since it was made.</summary>
public sealed record ClaimCard(Claim Claim, RecordNames Names, int? Updates = null);
