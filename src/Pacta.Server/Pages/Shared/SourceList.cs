using Pacta.Model;

namespace Pacta.Server.Pages.Shared;

/// <summary>The model of the _Sources partial: source ids and where to look them up.</summary>
public sealed record SourceList(IReadOnlyList<RecordId> Ids, RecordNames Names);
