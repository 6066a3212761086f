from drafting_cli.app import main

main()
