namespace Pacta.Tests;

/// <summary>The domain references neither a database driver nor a web framework: storage and HTTP depend on it, never the reverse.</summary>
public class DomainDependenciesTests
{
    [Theory]
    [InlineData("Microsoft.Data.")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Pacta.Store")]
    [InlineData("DocumentFormat.OpenXml")]
    [InlineData("ScottPlot")]
    [InlineData("SkiaSharp")]
    [InlineData("Pacta.Reports")]
    public void The_domain_does_not_reference(string prefix)
    {
        var referenced = typeof(Pacta.Model.RecordId).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_would_see_a_database_driver()
    {
        // Guards the test above against passing vacuously: the store's assembly does reference one.
        var referenced = typeof(Pacta.Store.SqliteStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.Contains(referenced, name => name.StartsWith("Microsoft.Data.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_would_see_a_report_library()
    {
        var referenced = typeof(Pacta.Reports.ReportOutput).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains(referenced, name => name.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal));
        Assert.Contains(referenced, name => name.StartsWith("ScottPlot", StringComparison.Ordinal));
    }
}
