"""corpusprep inside other tools: `datasets` (`hf_datasets.clean_batch`, `features`) and Ray Data (`ray_data.clean_dataset`)."""
