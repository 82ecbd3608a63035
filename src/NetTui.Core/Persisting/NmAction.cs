using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NetTui.Core.Persisting;

/// <summary>
/// One call (or short sequence) against NetworkManager's D-Bus API, as data: the plan holds
/// it, the Host layer runs it. Profiles are named by uuid (stable) and id (for messages).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(AddProfile), "add")]
[JsonDerivedType(typeof(UpdateProfile), "update")]
[JsonDerivedType(typeof(DeleteProfile), "delete")]
[JsonDerivedType(typeof(ActivateProfile), "activate")]
[JsonDerivedType(typeof(DeactivateProfile), "deactivate")]
public abstract record NmAction(string Uuid, string Id)
{
    public abstract string Describe();
    /// <summary>The nmcli command an admin would type for the same effect (shown, never run).</summary>
    public abstract string Nmcli();
}

/// <summary>AddConnection2 with flag to-disk: the profile is saved as a keyfile.</summary>
public sealed record AddProfile(NmSettings Settings) : NmAction(Settings.Uuid, Settings.Id)
{
    public override string Describe() => $"save profile {Id} ({Settings.Type} {Settings.InterfaceName}) to disk";
    public override string Nmcli() => $"nmcli connection add type {Settings.Type} ifname {Settings.InterfaceName} con-name {Id} ...";
}

/// <summary>GetSettings, apply <see cref="Edits"/>, Update2 to-disk; then, if <see cref="Reapply"/>, make the running device match (Reapply, else re-activate).</summary>
public sealed record UpdateProfile(string Uuid, string Id, ImmutableArray<ProfileEdit> Edits, bool Reapply = true) : NmAction(Uuid, Id)
{
    public override string Describe() => $"update profile {Id}: {string.Join(", ", Edits.Select(e => e.Describe()))}";
    public override string Nmcli() => $"nmcli connection modify {Id} ...{(Reapply ? $"; nmcli device reapply (or connection up {Id})" : "")}";
    public UpdateProfile Reversed() => new(Uuid, Id, [.. Edits.Reverse().Select(e => e.Reverse())], Reapply);
}

public sealed record DeleteProfile(string Uuid, string Id) : NmAction(Uuid, Id)
{
    public override string Describe() => $"delete profile {Id}";
    public override string Nmcli() => $"nmcli connection delete {Id}";
}

/// <summary>ActivateConnection and wait until activated (or failed, with NetworkManager's reason). <see cref="Device"/> for profiles bound to an existing device.</summary>
public sealed record ActivateProfile(string Uuid, string Id, string? Device = null) : NmAction(Uuid, Id)
{
    public override string Describe() => $"activate profile {Id}{(Device is null ? "" : $" on {Device}")}";
    public override string Nmcli() => $"nmcli connection up {Id}";
}

public sealed record DeactivateProfile(string Uuid, string Id) : NmAction(Uuid, Id)
{
    public override string Describe() => $"deactivate profile {Id}";
    public override string Nmcli() => $"nmcli connection down {Id}";
}
