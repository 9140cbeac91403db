// The page's starting account: account 1 of the example portfolio (examples/portfolio.json).
import portfolio from '../portfolio.json' with { type: 'json' };

export const exampleAccount = portfolio.accounts[0];
