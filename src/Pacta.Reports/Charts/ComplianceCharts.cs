using Pacta.Compliance;
using Pacta.Model;
using Pacta.Reports.Content;
using ScottPlot;

namespace Pacta.Reports.Charts;

/// <summary>The compliance report's two charts, drawn by ScottPlot: the roll-up over time per party, and the obligation matrix.</summary>
public static class ComplianceCharts
{
    /// <summary>The colour of each status in the matrix, in the order the legend lists them.</summary>
    public static IReadOnlyList<(string Status, string Hex)> StatusColours { get; } =
    [
        ("implemented", "#2e7d32"),
        ("in-progress", "#9ccc65"),
        ("not-started", "#ffb74d"),
        ("violated", "#c62828"),
        ("disputed", "#7b1fa2"),
        ("lapsed", "#78909c"),
        (ObligationState.Unassessed, "#eceff1"),
    ];

    private const string Font = "DejaVu Sans";

    /// <summary>
    /// One line per party: the PAM percentage of the obligations it bears (lowest score where assessors split) at
    /// each date. A date where nothing of the party's is scored has no point, never a zero.
    /// </summary>
    public static Chart ScoreOverTime(IReadOnlyList<(string Party, IReadOnlyList<RollUp> Series)> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var plot = NewPlot();
        var markers = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle };
        var i = 0;
        foreach (var (party, series) in parties)
        {
            var points = series.Where(r => r.Tally.Percentage is not null).ToList();
            if (points.Count == 0) continue;
            var line = plot.Add.Scatter(
                points.Select(r => r.AsOf.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
                points.Select(r => (double)r.Tally.Percentage!.Value).ToArray());
            line.LegendText = party;
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.MarkerShape = markers[i % markers.Length];
            line.Color = Palette[i % Palette.Length];
            i++;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsY(-5, 105);
        if (DateSpan(parties) is { } range) plot.Axes.SetLimitsX(range.From.AddDays(-60).ToDateTime(TimeOnly.MinValue).ToOADate(), range.To.AddDays(60).ToDateTime(TimeOnly.MinValue).ToOADate());
        plot.Title("Score over time per party (PAM %, lowest score where assessors split)");
        plot.YLabel("PAM %");
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.FontName = Font;
        const int width = 900, height = 420;
        return new Chart("Score over time per party",
            "The roll-up of each party's obligations at each date: sum of scores / (3 × scored obligations). A date where none of a party's obligations is scored has no point.",
            plot.GetImageBytes(width, height, ImageFormat.Png), width, height, "score-over-time");

        static (DateOnly From, DateOnly To)? DateSpan(IReadOnlyList<(string Party, IReadOnlyList<RollUp> Series)> parties)
        {
            var dates = parties.SelectMany(p => p.Series).Select(r => r.AsOf).ToList();
            return dates.Count == 0 ? null : (dates.Min(), dates.Max());
        }
    }

    /// <summary>
    /// Obligations (rows) × parties (columns): a cell is coloured by the obligation's status where the party bears
    /// it, and left blank where it does not. An overdue obligation's cells are marked "!".
    /// </summary>
    public static Chart ObligationMatrix(IReadOnlyList<ObligationState> states, IReadOnlyList<(RecordId Id, string Name)> parties)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(parties);
        var plot = NewPlot();
        var colours = StatusColours.ToDictionary(s => s.Status, s => Color.FromHex(s.Hex), StringComparer.Ordinal);
        for (var row = 0; row < states.Count; row++)
        {
            var state = states[row];
            var y = states.Count - 1 - row;
            for (var column = 0; column < parties.Count; column++)
            {
                if (!state.Obligation.Bearers.Contains(parties[column].Id)) continue;
                var cell = plot.Add.Rectangle(column + 0.05, column + 0.95, y + 0.08, y + 0.92);
                cell.FillColor = colours.GetValueOrDefault(state.Status, Colors.White);
                cell.LineColor = Colors.Gray;
                cell.LineWidth = 1;
                if (state.Overdue)
                {
                    var mark = plot.Add.Text("!", column + 0.5, y + 0.5);
                    mark.LabelFontSize = 13;
                    mark.LabelBold = true;
                    mark.LabelFontName = Font;
                    mark.LabelFontColor = state.Status is "implemented" or "violated" or "disputed" ? Colors.White : Colors.Black;
                    mark.LabelAlignment = Alignment.MiddleCenter;
                }
            }
        }

        var rows = new ScottPlot.TickGenerators.NumericManual();
        for (var row = 0; row < states.Count; row++) rows.AddMajor(states.Count - 1 - row + 0.5, states[row].Obligation.Id.Value);
        plot.Axes.Left.TickGenerator = rows;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        var columns = new ScottPlot.TickGenerators.NumericManual();
        for (var column = 0; column < parties.Count; column++) columns.AddMajor(column + 0.5, parties[column].Name);
        plot.Axes.Bottom.TickGenerator = columns;
        // Party names can be long: slanted, they do not run into one another.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Bottom.MinimumSize = 30 + 4 * parties.Select(p => p.Name.Length).DefaultIfEmpty(0).Max();
        plot.Axes.Right.MinimumSize = 60;
        plot.Axes.SetLimits(0, Math.Max(1, parties.Count), 0, Math.Max(1, states.Count));
        plot.Grid.IsVisible = false;
        plot.Title("Obligations × parties, coloured by status");

        foreach (var (status, hex) in StatusColours)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = status, FillColor = Color.FromHex(hex), OutlineColor = Colors.Gray });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "! overdue", FillColor = Colors.White, OutlineColor = Colors.White });
        plot.Legend.IsVisible = true;
        plot.Legend.FontName = Font;
        plot.ShowLegend(Edge.Right);

        var width = 560 + 110 * parties.Count;
        var height = 120 + 4 * parties.Select(p => p.Name.Length).DefaultIfEmpty(0).Max() + 22 * states.Count;
        return new Chart("Obligation matrix",
            "One row per obligation, one column per party; a cell is coloured by the obligation's derived status where the party bears it (blank where it does not); ! marks an overdue obligation.",
            plot.GetImageBytes(width, height, ImageFormat.Png), width, height, "obligation-matrix");
    }

    private static readonly Color[] Palette =
        [Color.FromHex("#1565c0"), Color.FromHex("#e65100"), Color.FromHex("#2e7d32"), Color.FromHex("#6a1b9a"), Color.FromHex("#00838f"), Color.FromHex("#ad1457")];

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        return plot;
    }
}
