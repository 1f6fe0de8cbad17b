namespace Pacta.Server.Pages.Shared;

/// <summary>The links under a record's title: its history for everyone, "Edit" for contributors and above.</summary>
public sealed record RecordActions(string Segment, string Id, bool History = true);
