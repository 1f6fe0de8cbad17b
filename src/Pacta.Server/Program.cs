using Pacta.Server;

// Run directly: dotnet Pacta.Server.dll --db FILE [--urls URL]. Usually started by `pacta serve`.
var options = ServerOptions.FromArguments(args);
var app = PactaApp.Create(options, args);
app.Run();

/// <summary>The entry point, named for WebApplicationFactory.</summary>
public partial class Program;
