using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;
using Pacta.Geography;
using Pacta.Json;
using Pacta.Model;

namespace Pacta.Cli.Geography;

/// <summary>
/// Writes places as an OGC GeoPackage (1.3): one feature table per layer in WGS 84 (EPSG:4326), geometries in
/// GeoPackage binary (NetTopologySuite.IO.GeoPackage), every name of a place kept: all together in <c>name</c>,
/// one column per language (<c>name_hy</c>, <c>name_az</c> …) and the full list with users in <c>names_json</c>.
/// </summary>
internal static class GeoPackageFile
{
    public static IReadOnlyList<(string Layer, int Count)> Write(string path, IEnumerable<(string Layer, IReadOnlyList<Place> Places)> layers)
    {
        var temporary = path + ".partial";
        File.Delete(temporary);
        var written = new List<(string, int)>();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            connection.Open();
            Execute(connection, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;"); // 'GPKG', version 1.3.0
            Execute(connection, """
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                INSERT INTO gpkg_spatial_ref_sys VALUES
                  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
                  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
                  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
                CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
                  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                  srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                """);
            var writer = new GeoPackageGeoWriter { HandleOrdinates = NetTopologySuite.Geometries.Ordinates.XY };
            foreach (var (layer, places) in layers)
            {
                var table = layer.Replace('-', '_');
                var languages = PlaceLayers.Languages(places);
                var nameColumns = languages.Select(l => "name_" + l.Replace('-', '_').ToLowerInvariant()).ToList();
                var envelope = new NetTopologySuite.Geometries.Envelope();
                foreach (var p in places) envelope.ExpandToInclude(p.Geometry!.EnvelopeInternal);
                using var transaction = connection.BeginTransaction();
                Execute(connection, $"""
                    CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                      name TEXT NOT NULL, {string.Concat(nameColumns.Select(c => $"\"{c}\" TEXT, "))}names_json TEXT NOT NULL, status TEXT, held_by TEXT,
                      claimed_by TEXT, within TEXT, length_km DOUBLE, area_km2 DOUBLE, sources TEXT NOT NULL, note TEXT)
                    """);
                Execute(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $d, $x0, $y0, $x1, $y1, 4326)",
                    ("$t", table), ("$d", $"Pacta places of kind {layer}"), ("$x0", envelope.MinX), ("$y0", envelope.MinY), ("$x1", envelope.MaxX), ("$y1", envelope.MaxY));
                var typeName = places.Select(p => p.Geometry!.GeometryType.ToUpperInvariant()).Distinct().Count() == 1
                    ? places[0].Geometry!.GeometryType.ToUpperInvariant() : "GEOMETRY";
                Execute(connection, "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $g, 4326, 0, 0)", ("$t", table), ("$g", typeName));
                foreach (var place in places)
                {
                    var properties = PlaceLayers.Properties(place);
                    var geometry = place.Geometry!.Copy();
                    geometry.SRID = 4326;
                    var values = new List<(string, object?)>
                    {
                        ("$geom", writer.Write(geometry)), ("$id", place.Id.Value), ("$kind", layer), ("$name", place.AllNames),
                        ("$names", JsonSerializer.Serialize(place.Names, PactaJson.Options)),
                        ("$status", properties["status"]?.GetValue<string>()), ("$held", place.HeldBy?.Value),
                        ("$claimed", place.ClaimedBy.Count == 0 ? null : string.Join(",", place.ClaimedBy.Select(c => c.Value))),
                        ("$within", place.Within?.Value), ("$length", properties["lengthKm"]?.GetValue<double>()),
                        ("$area", properties["areaKm2"]?.GetValue<double>()), ("$sources", string.Join(",", place.Sources.Select(s => s.Value))), ("$note", place.Note),
                    };
                    values.AddRange(languages.Select((l, i) => ($"$n{i}", (object?)PlaceLayers.NamesIn(place, l))));
                    Execute(connection, $"""
                        INSERT INTO "{table}" (geom, id, kind, name, {string.Concat(nameColumns.Select(c => $"\"{c}\", "))}names_json, status, held_by, claimed_by, within, length_km, area_km2, sources, note)
                        VALUES ($geom, $id, $kind, $name, {string.Concat(languages.Select((_, i) => $"$n{i}, "))}$names, $status, $held, $claimed, $within, $length, $area, $sources, $note)
                        """, values.ToArray());
                }
                transaction.Commit();
                written.Add((layer, places.Count));
            }
        }
        File.Move(temporary, path, overwrite: true);
        return written;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
