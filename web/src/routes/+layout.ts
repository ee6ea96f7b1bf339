// Pages hold no per-user data in their HTML: prerender them; per-user parts load in the browser.
export const prerender = true;
export const trailingSlash = 'never';
