namespace Pacta.Store.Sqlite.Migrations;

/// <summary>One numbered step of the schema: applying it takes a store from <c>Version - 1</c> to <see cref="Version"/>.</summary>
internal sealed record Migration(int Version, string Name, Action<StoreConnection> Apply);
