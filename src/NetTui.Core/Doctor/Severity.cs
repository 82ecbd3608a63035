namespace NetTui.Core.Doctor;

/// <summary>
/// How much a finding matters. <see cref="Info"/> is worth knowing but does not make the
/// host unhealthy (`nettui doctor` still exits 0); warnings and errors do.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<Severity>))]
public enum Severity { Info, Warning, Error }
