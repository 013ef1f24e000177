namespace Gateway.Ctl.Commands.Field;

/// <summary>What a known_hosts file says about the key a host presented.</summary>
public enum KnownHostVerdict
{
    /// <summary>No entry for this host with the presented key's type.</summary>
    Unknown,

    /// <summary>An entry for this host holds exactly this key.</summary>
    Known,

    /// <summary>An entry for this host holds another key of the same type: the device changed or is not the one meant.</summary>
    Mismatch,

    /// <summary>The key is marked <c>@revoked</c>.</summary>
    Revoked,
}
