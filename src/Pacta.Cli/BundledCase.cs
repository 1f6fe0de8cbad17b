namespace Pacta.Cli;

/// <summary>The bundled case, copied beside the program at build time (see Pacta.Cli.csproj).</summary>
public static class BundledCase
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus");
}
