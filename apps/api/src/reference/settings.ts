/** The app setting that records when the demo data was loaded (appInfo says so). */
export const DEMO_SETTING = 'demo_data_loaded_at';
