"""The owner's automatic decisions (issue 18 part 2): the rule list, the rule editor and its dry run."""
