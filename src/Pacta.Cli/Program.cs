// The `pacta` command is not written yet; this entry point lets the solution build until it is.
Console.Error.WriteLine("pacta: no commands yet");
return 1;
