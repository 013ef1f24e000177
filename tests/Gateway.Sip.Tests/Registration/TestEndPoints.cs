using System.Net;

namespace Gateway.Sip.Tests.Registration;

internal static class TestEndPoints
{
    public static readonly IPEndPoint Client = new(IPAddress.Loopback, 5060);
    public static readonly IPEndPoint Registrar = new(IPAddress.Loopback, 5070);
}
