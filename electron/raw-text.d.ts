// Text files bundled into the code as strings (Vite's `?raw` import), such as the built-in UGEL list.
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
