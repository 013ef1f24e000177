namespace Gateway.Sip.Tests.Auth;

/// <summary>RFC 7616 §3.9.1: the Mufasa example (password with a lower-case "of", errata 4495).</summary>
internal static class DigestVectors
{
    public const string Username = "Mufasa";
    public const string Password = "Circle of Life";
    public const string Realm = "http-auth@example.org";
    public const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    public const string Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    public const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    public const string Uri = "/dir/index.html";
    public const string Method = "GET";
    public const string Md5Response = "8ca523f5e9506fed4657c9700eebdbec";
    public const string Sha256Response = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
}
