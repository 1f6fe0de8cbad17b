using Pacta.Compliance;

namespace Pacta.Server.Pages.Shared;

/// <summary>The model of the _State partial: a state with its flags, and how to name the records it mentions.</summary>
public sealed record StateCard(ObligationState State, RecordNames Names, bool Details = true);
