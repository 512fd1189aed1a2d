Console.WriteLine("FundingWeb.Bench");
