"""Selection methods: pure functions that need no database (draws, lotteries, counts)."""
