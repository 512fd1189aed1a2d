using FundingWeb.Auth;
using FundingWeb.Hosting;

// `FundingWeb hash-password <password>` prints a salted hash for Auth:Users in appsettings.json.
if (args is ["hash-password", var password])
{
    Console.WriteLine(TeamUsers.Hash(password));
    return;
}

var builder = FundingWebApp.CreateBuilder(args);
var app = FundingWebApp.Build(builder);
app.Run();
