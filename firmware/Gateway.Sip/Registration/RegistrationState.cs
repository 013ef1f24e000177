namespace Gateway.Sip.Registration;

/// <summary>Where a <see cref="RegistrationClient"/> stands with its registrar.</summary>
public enum RegistrationState
{
    /// <summary>No binding: not started, or stopped and unregistered.</summary>
    Unregistered = 0,

    /// <summary>The first REGISTER (or one after a failure) is in flight.</summary>
    Registering,

    /// <summary>The registrar holds the binding until <see cref="RegistrationStatus.ExpiresAt"/>.</summary>
    Registered,

    /// <summary>A refresh REGISTER is in flight; the old binding still holds.</summary>
    Refreshing,

    /// <summary>The last attempt failed; the next one starts at <see cref="RegistrationStatus.RetryAt"/>.</summary>
    Failed,

    /// <summary>A REGISTER with Expires: 0 is in flight.</summary>
    Unregistering,
}
