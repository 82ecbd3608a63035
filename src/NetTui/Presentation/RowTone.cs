namespace NetTui.Presentation;

/// <summary>How a row should stand out: an error (broken OVS port), a warning (link down), or dimmed (admin-down, stopped).</summary>
public enum RowTone { Normal, Dim, Warn, Error }
