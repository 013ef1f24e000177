using Microsoft.Extensions.FileProviders;

namespace Gateway.Host.Api;

/// <summary>
/// The status page at <c>/</c>: plain HTML, CSS and JavaScript embedded in the gateway assembly, so a published
/// gateway serves them with nothing beside it to copy or lose.
/// </summary>
/// <remarks>
/// The page carries no data of its own; everything it shows it reads from the API, which keeps its own guard.
/// So the page is served without the bearer token (a browser cannot send one on a plain navigation).
/// </remarks>
public static class StatusPage
{
    private const string ResourcePrefix = "Gateway.Host.StatusPage";

    /// <summary>Adds the page's middleware; call before routing so the API's fallback does not swallow <c>/</c>.</summary>
    /// <param name="app">The application.</param>
    public static void Use(IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(StatusPage).Assembly, ResourcePrefix);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
            },
        });
    }
}
