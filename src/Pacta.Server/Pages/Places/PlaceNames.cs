using Pacta.Model;
using Pacta.Places;
using Pacta.Server.Pages.Shared;

namespace Pacta.Server.Pages.Places;

/// <summary>The model of the _Names partial: a place's names in the policy's order.</summary>
public sealed record PlaceNames(Place Place, NamingPolicy Policy, RecordNames Names);
