import FuheCLI
FuheCommand.main()
