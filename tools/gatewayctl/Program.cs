using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config => config.SetApplicationName("gatewayctl"));
return await app.RunAsync(args);
