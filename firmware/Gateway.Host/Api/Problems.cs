using System.Text.Json;

namespace Gateway.Host.Api;

/// <summary>Writes RFC 9457 problem responses, so every API error has a JSON body a script can read.</summary>
public static class Problems
{
    /// <summary>Builds a problem result.</summary>
    /// <param name="status">HTTP status.</param>
    /// <param name="title">Short summary.</param>
    /// <param name="detail">What exactly went wrong.</param>
    /// <returns>The result.</returns>
    public static IResult Create(int status, string title, string detail)
    {
        var body = new ProblemBody($"https://httpstatuses.io/{status}", title, status, detail);
        return Results.Json(body, ApiJsonContext.Default.ProblemBody, "application/problem+json", status);
    }

    /// <summary>Writes a problem directly (for middleware).</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="status">HTTP status.</param>
    /// <param name="title">Short summary.</param>
    /// <param name="detail">What exactly went wrong.</param>
    /// <returns>A task that ends when the body is written.</returns>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var body = new ProblemBody($"https://httpstatuses.io/{status}", title, status, detail);
        return JsonSerializer.SerializeAsync(context.Response.Body, body, ApiJsonContext.Default.ProblemBody, context.RequestAborted);
    }

    /// <summary>Reads a JSON body, turning an empty, malformed or mistyped body into a 400 problem.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Its JSON type info.</param>
    /// <param name="allowEmpty">Whether an empty body is acceptable (then <paramref name="fallback"/> is used).</param>
    /// <param name="fallback">The value for an empty body.</param>
    /// <returns>The value, or a problem to return.</returns>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(
        HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, bool allowEmpty = false, T? fallback = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Body.CanSeek && request.Headers.TransferEncoding.Count == 0))
        {
            return allowEmpty ? (fallback, null) : (default, Create(400, "Empty body", "a JSON body is required"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, request.HttpContext.RequestAborted);
            if (value is null)
            {
                return allowEmpty ? (fallback, null) : (default, Create(400, "Empty body", "the JSON body is null"));
            }

            return (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } ? $" at {ex.Path}" : string.Empty;
            return (default, Create(400, "Malformed JSON", $"the body is not valid JSON for this route{where}: {FirstSentence(ex.Message)}"));
        }
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
