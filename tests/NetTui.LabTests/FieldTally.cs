namespace NetTui.LabTests;

/// <summary>
/// Counts fields compared between what NetTui shows and what the admins' own tools print,
/// and keeps every mismatch with its path, so one test reports "N checked, M correct" and
/// all wrong fields at once instead of stopping at the first.
/// </summary>
public sealed class FieldTally
{
    private readonly List<string> _wrong = [];
    public int Checked { get; private set; }
    public int Correct => Checked - _wrong.Count;
    public IReadOnlyList<string> Wrong => _wrong;

    public void Check<T>(string field, T expected, T actual)
    {
        Checked++;
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) _wrong.Add($"{field}: tool says {Show(expected)}, NetTui shows {Show(actual)}");
    }

    public void CheckSequence<T>(string field, IEnumerable<T> expected, IEnumerable<T> actual) =>
        Check(field, string.Join(",", expected), string.Join(",", actual));

    public string Summary => $"{Checked} fields checked, {Correct} shown correctly";

    private static string Show<T>(T v) => v is null ? "(none)" : $"'{v}'";
}
