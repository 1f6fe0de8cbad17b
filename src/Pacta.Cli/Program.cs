using Pacta.Cli;
using Pacta.Cli.Accounts;
using Pacta.Cli.Audit;
using Pacta.Cli.Browse;
using Pacta.Cli.Compliance;
using Pacta.Cli.Datasets;
using Pacta.Cli.Exports;
using Pacta.Cli.Generate;
using Pacta.Cli.Geography;
using Pacta.Cli.Imports;
using Pacta.Cli.Reports;
using Pacta.Cli.Serve;
using Pacta.Cli.Store;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("pacta");
    config.PropagateExceptions();
    config.UseStrictParsing();
    config.AddCommand<InitCommand>("init")
        .WithDescription("Create a new store (default ./pacta.db or $PACTA_DB); --sample loads the bundled Armenia–Azerbaijan case.");
    config.AddBranch("import", import =>
    {
        import.SetDescription("Load records into the store, in one transaction.");
        import.AddCommand<ImportPactaCommand>("pacta").WithDescription("Load a Pacta dataset folder (docs/data-format.md).");
        import.AddCommand<ImportAcledCommand>("acled").WithDescription("Load ACLED events (CSV), keyed by event_id_cnty; --deleted FILE applies ACLED's deletions; docs/importing.md.");
        import.AddCommand<ImportUcdpCommand>("ucdp").WithDescription("Load UCDP GED events (CSV, with or without a header), keyed by id.");
        import.AddCommand<ImportPloverCommand>("plover").WithDescription("Load PLOVER events (JSON Lines), keyed by id.");
        import.AddCommand<ImportGeoJsonCommand>("geojson").WithDescription("Load GeoJSON features as places of one layer (--layer NAME); --fix repairs and reports.");
        import.AddCommand<ImportPaxCommand>("pax").WithDescription("Load PA-X agreement rows as documents (--process TEXT, --on-error stop|skip, --rejects FILE).");
    });
    config.AddBranch("export", export =>
    {
        export.SetDescription("Write the store's records out.");
        export.AddCommand<ExportPactaCommand>("pacta").WithDescription("Write the whole store as a Pacta dataset folder.");
        export.AddCommand<ExportGeoJsonCommand>("geojson").WithDescription("Write places as RFC 7946 GeoJSON (--out FILE [--layer NAME]).");
        export.AddCommand<ExportGpkgCommand>("gpkg").WithDescription("Write places as a GeoPackage, one table per layer (--out FILE [--layer NAME]).");
        export.AddCommand<ExportEventsCommand>("acled")
            .WithDescription("Write events as ACLED CSV, in its 31 columns (--out FILE [--from --to --bbox --type --actor --meetings|--no-meetings]).");
        export.AddCommand<ExportEventsCommand>("plover")
            .WithDescription("Write events as PLOVER JSON Lines (--out FILE [filters as for acled]).");
        export.AddCommand<ExportEventsCommand>("hxl")
            .WithDescription("Write events as CSV with HXL hashtags, through a disclosure gate: no persons, no free text (--out FILE [filters]).");
        export.AddCommand<ExportEventsCommand>("csv")
            .WithDescription("Write events as Pacta's own flat CSV (--out FILE [filters]).");
    });
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Check a dataset folder without loading it; every problem as path:line:col: message.");
    config.AddCommand<ListCommand>("list")
        .WithDescription("List records of one kind: documents, obligations, events, meetings, claims, issues, places, actors, sources, topics, assessments.");
    config.AddCommand<ShowCommand>("show").WithDescription("Show one record by its id.");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Serve the web app and the HTTP API (default " + Pacta.Server.ServerOptions.DefaultUrls + "); --demo serves the bundled case with no set-up.");
    config.AddCommand<AssessCommand>("assess")
        .WithDescription("Record one assessor's view of an obligation (status, PAM score, evidence) in one transaction, then show its derived state.");
    config.AddCommand<HistoryCommand>("history").WithDescription("Show every recorded change of one record: who, when, which command, why, and for an update what changed, path by path (--json).");
    config.AddBranch("audit", audit =>
    {
        audit.SetDescription("Check the change log's hash chain (docs/audit.md).");
        audit.AddCommand<AuditVerifyCommand>("verify")
            .WithDescription("Recompute the hash chain from the first change and check every record against its last change; names the first break and exits 4 ([--head HASH]).");
        audit.AddCommand<AuditHeadCommand>("head").WithDescription("Print the log's last hash, to keep elsewhere and give to 'verify --head' later ([--json]).");
    });
    config.AddBranch("report", report =>
    {
        report.SetDescription("Write a report from the store as HTML, Markdown or DOCX (docs/reports.md).");
        report.AddCommand<ComplianceReportCommand>("compliance")
            .WithDescription("Roll-ups per document, party and theme, every obligation's state, assessors' views and their evidence, as of a date.");
        report.AddCommand<BriefingReportCommand>("briefing")
            .WithDescription("What a mediator reads before a round: issues and positions, overdue and blocked obligations, recent events, claims, deadlines.");
    });
    config.AddBranch("user", user =>
    {
        user.SetDescription("Users who may sign in to the web app of a shared store, and their roles (docs/accounts.md).");
        user.AddCommand<UserAddCommand>("add").WithDescription("Add a user: NAME --role viewer|contributor|reviewer|admin [--password-stdin]; asks for the password twice otherwise.");
        user.AddCommand<UserListCommand>("list").WithDescription("List users with role, state and active tokens.");
        user.AddCommand<UserRoleCommand>("role").WithDescription("Give a user another role: NAME ROLE.");
        user.AddCommand<UserDisableCommand>("disable").WithDescription("Stop a user signing in or using any token: NAME.");
        user.AddCommand<UserEventsCommand>("events").WithDescription("Every change to users and tokens, with who made it and when: [NAME].");
    });
    config.AddBranch("token", token =>
    {
        token.SetDescription("API tokens for scripts: 'Authorization: Bearer TOKEN'.");
        token.AddCommand<TokenAddCommand>("add").WithDescription("Make a token for a user (NAME [--expires DATE], default 90 days); prints its secret once.");
        token.AddCommand<TokenListCommand>("list").WithDescription("List tokens, or one user's: [NAME]; never their secrets.");
        token.AddCommand<TokenRevokeCommand>("revoke").WithDescription("Revoke a token for good: ID.");
    });
    config.AddBranch("generate", generate =>
    {
        generate.SetDescription("Write made-up data for tests and benchmarks.");
        generate.AddCommand<GenerateEventsCommand>("events")
            .WithDescription("Realistic, messy event rows in ACLED or UCDP GED CSV layout (--rows N --seed S --format acled|ucdp [--out FILE] [--no-header]).");
    });
});

return ExitCodes.Run(app, args);
