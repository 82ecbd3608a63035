using System.Text;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// iproute2 prints a bridge id as "8000.6:6d:59:7c:eb:8d" (unpadded hex bytes); brctl and
/// the STP standard write "8000.066d597ceb8d". NetTui shows and stores the brctl form.
/// </summary>
public static class BridgeIdFormat
{
    public static string Normalize(string? ipForm)
    {
        if (string.IsNullOrEmpty(ipForm)) return "";
        var dot = ipForm.IndexOf('.');
        if (dot < 0 || !ipForm.Contains(':')) return ipForm;
        var sb = new StringBuilder(ipForm[..(dot + 1)]);
        foreach (var part in ipForm[(dot + 1)..].Split(':'))
            sb.Append(part.Length == 1 ? "0" + part : part);
        return sb.ToString().ToLowerInvariant();
    }
}
