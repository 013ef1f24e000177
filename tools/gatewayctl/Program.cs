using Gateway.Ctl;

return await GatewayCtlApp.Create().RunAsync(args);
