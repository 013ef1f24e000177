using Gateway.Host;

return await GatewayProgram.RunAsync(args);
